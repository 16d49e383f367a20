"""HTML only: the level picker (explorer), downloads, accessibility and the static assets."""

// Hide or show the change markers of a review (the footer's button), remembered across pages.
(() => {
  const KEY = 'skill-review-markers';
  const root = document.documentElement;
  const stored = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  };
  const apply = (shown) => {
    root.classList.toggle('skill-changes-hidden', !shown);
    for (const button of document.querySelectorAll('.skill-review-toggle')) {
      button.setAttribute('aria-pressed', String(shown));
    }
  };
  apply(stored() !== 'hidden');
  for (const button of document.querySelectorAll('.skill-review-toggle')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const shown = button.getAttribute('aria-pressed') !== 'true';
      try {
        localStorage.setItem(KEY, shown ? 'shown' : 'hidden');
      } catch {
        // private mode: the choice holds for this page only
      }
      apply(shown);
    });
  }
})();

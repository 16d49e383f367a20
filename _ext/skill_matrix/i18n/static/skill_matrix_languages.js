/* The language switcher keeps the reader's place (i18n/templates/skill_matrix/languages.html).
 *
 * Each link to the page in another language gets this page's query (the level picker's choice,
 * ?level=…&target=…&roles=…) and fragment (a linked row, #<skill>-<level>-<role>), which mean the
 * same in every language. They are added just before a link is used (hovered, focused, pressed
 * or opened in a menu), since the level picker changes the URL without reloading the page.
 * Without JavaScript each link leads to the plain page.
 */
(function () {
  'use strict';

  var SELECTOR = 'a.language-link';

  function carryPlace(link) {
    if (!link.hasAttribute('data-plain-href')) link.setAttribute('data-plain-href', link.getAttribute('href'));
    var plain = link.getAttribute('data-plain-href').split('#')[0].split('?')[0];
    link.setAttribute('href', plain + window.location.search + window.location.hash);
  }

  function carryAll() {
    document.querySelectorAll(SELECTOR).forEach(carryPlace);
  }

  ['pointerdown', 'mouseover', 'focusin', 'contextmenu', 'keydown'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
      if (link) carryPlace(link);
    }, true);
  });
  window.addEventListener('hashchange', carryAll);
  window.addEventListener('popstate', carryAll);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', carryAll);
  else carryAll();
})();

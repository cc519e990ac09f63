// Article page: scrolls the targeted paragraph (#p-N) into the middle of the view.
'use strict';
function focusTarget() {
  const el = location.hash && document.getElementById(location.hash.slice(1));
  if (el) el.scrollIntoView({block: 'center'});
}
document.addEventListener('DOMContentLoaded', focusTarget);
window.addEventListener('hashchange', focusTarget);

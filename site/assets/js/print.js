// The "Afdrukken of bewaren als PDF" button of a brief: shown only when this script runs (without
// JavaScript the page explains the browser's own print command), opens the print dialog.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// Progressive enhancement of the upload form: files can be dropped anywhere on the upload area, and the files
// chosen are listed. Without JavaScript the GOV.UK file input works on its own.
for (const zone of document.querySelectorAll('[data-drop-zone]')) {
  const input = zone.querySelector('input[type=file]');
  if (!input) {
    continue;
  }
  const status = document.createElement('p');
  status.className = 'govuk-body openreturns-drop-zone__status';
  status.setAttribute('aria-live', 'polite');
  status.textContent = 'Or drag and drop files here.';
  zone.classList.add('openreturns-drop-zone--enhanced');
  zone.appendChild(status);

  const describe = () => {
    const names = Array.from(input.files).map((f) => f.name);
    status.textContent = names.length === 0 ? 'No file chosen.'
      : (names.length === 1 ? '1 file chosen: ' : names.length + ' files chosen: ') + names.join(', ');
  };
  input.addEventListener('change', describe);

  const active = (on) => zone.classList.toggle('openreturns-drop-zone--active', on);
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    active(true);
  });
  zone.addEventListener('dragleave', () => active(false));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    active(false);
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      describe();
    }
  });
}

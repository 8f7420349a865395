// The only script on ordinary pages (kept under 3 KB): "/" focuses the header
// search, and "Copy link" buttons copy an item's permalink. Search itself,
// and Pagefind, load only on /search/.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const input = document.querySelector<HTMLInputElement>('#page-search') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
  button.hidden = false;
  button.addEventListener('click', () => void copyLink(button));
}

async function copyLink(button: HTMLButtonElement): Promise<void> {
  const url = new URL(`#${button.dataset.copyLink}`, location.href).href;
  const status = button.querySelector('[data-copy-status]') ?? button;
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = 'Link copied';
    announce('Link to this item copied');
  } catch {
    location.hash = button.dataset.copyLink ?? '';
    status.textContent = 'Link in address bar';
    announce('The link to this item is in the address bar');
  }
  setTimeout(() => (status.textContent = 'Copy link'), 2000);
}

function announce(message: string): void {
  const region = document.querySelector('#announcer');
  if (region) region.textContent = message;
}

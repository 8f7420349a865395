// The only script on ordinary pages (kept under 3 KB): "/" focuses the header
// search, "Copy link" buttons copy an item's permalink, and on a guide the
// checklist's "Copy as Markdown" and "Track your progress". The progress
// controls are a separate module, loaded when the reader asks for them or
// already has progress on this guide. Search and Pagefind load only on /search/.
// No static imports: the script stays one small inline module, and the
// progress module is fetched only when wanted.

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
  if (await copyText(Promise.resolve(url))) {
    status.textContent = 'Link copied';
    announce('Link to this item copied');
  } else {
    location.hash = button.dataset.copyLink ?? '';
    status.textContent = 'Link in address bar';
    announce('The link to this item is in the address bar');
  }
  setTimeout(() => (status.textContent = 'Copy link'), 2000);
}

const tools = document.querySelector<HTMLElement>('[data-progress-tools]');
if (tools) {
  tools.hidden = false;
  const track = (focus: boolean) => void import('./progress-ui.ts').then((ui) => ui.mountGuideProgress(tools, focus));
  tools.querySelector('[data-progress-start]')?.addEventListener('click', () => track(true));
  let stored = '';
  try {
    stored = localStorage.getItem(tools.dataset.storageKey ?? '') ?? '';
  } catch {
    // Storage blocked: the controls still load on request and say so when saving fails.
  }
  if (stored.includes(`"${tools.dataset.project}/`)) track(false);
  const copy = tools.querySelector<HTMLButtonElement>('[data-copy-markdown]');
  copy?.addEventListener('click', () => {
    const markdown = fetch(tools.dataset.markdown ?? '').then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    });
    void copyText(markdown).then((copied) => {
      copy.textContent = copied ? 'Copied' : 'Copy failed: use the Markdown download';
      announce(copied ? 'Checklist copied as Markdown' : 'Could not copy; the Markdown file is linked above');
      setTimeout(() => (copy.textContent = 'Copy as Markdown'), 2500);
    });
  });
}

/**
 * Copies text that may still be loading. ClipboardItem takes the promise, so
 * the copy keeps the click's user activation while the text is fetched.
 */
async function copyText(text: Promise<string>): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'function') {
      const blob = text.then((value) => new Blob([value], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
    } else {
      await navigator.clipboard.writeText(await text);
    }
    return true;
  } catch {
    return false;
  }
}

function announce(message: string): void {
  const region = document.querySelector('#announcer');
  if (region) region.textContent = message;
}

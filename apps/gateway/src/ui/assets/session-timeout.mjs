// Warns before the session ends and lets the user extend it without leaving the page. The
// server-rendered notice already says when the session ends; this only adds the warning. The
// countdown runs on the server's "seconds left", not its clock time: a browser's clock may be off.

const clockTime = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

export function watchSessionTimeout(root) {
  const warning = root.querySelector('[data-session-warning]');
  const ended = root.querySelector('[data-session-ended]');
  const notice = root.querySelector('[data-session-notice]');
  const form = root.querySelector('[data-session-extend]');
  const warningSeconds = Number(root.dataset.warningSeconds);
  let expiresAt = Number(root.dataset.expiresAt);
  let deadline = Date.now() + Number(root.dataset.expiresIn) * 1000;
  let timer;

  const show = (element, visible) => {
    const wasHidden = element.hidden;
    element.hidden = !visible;
    if (visible && wasHidden) element.focus();
  };

  const update = () => {
    clearTimeout(timer);
    for (const time of root.querySelectorAll('[data-session-expiry]')) time.textContent = clockTime.format(new Date(expiresAt * 1000));
    const secondsLeft = (deadline - Date.now()) / 1000;
    if (secondsLeft <= 0) {
      show(warning, false);
      notice.hidden = true;
      show(ended, true);
      return;
    }
    const inWarning = secondsLeft <= warningSeconds;
    show(warning, inWarning);
    timer = setTimeout(update, (inWarning ? secondsLeft : secondsLeft - warningSeconds) * 1000);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(() => undefined);
    if (!response?.ok) return form.submit();
    const extended = await response.json();
    expiresAt = extended.expiresAt;
    deadline = Date.now() + extended.expiresInSeconds * 1000;
    warning.hidden = true;
    update();
  });
  update();
}

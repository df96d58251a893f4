// @ts-check
// Webview script for the L1 timeline: puts the host-rendered chart in the page (client/src/timelineSvg.ts escapes
// every piece of text in it), shows a tooltip for the bar under the pointer or focus, asks the host to reveal an op
// in the editor when its bar is clicked or Enter is pressed on it, and to draw another function when one is picked.
// Keyboard: Tab reaches the picker and the bars; Left/Right move between bars.
(function () {
  // @ts-expect-error: provided by the VS Code webview host (no declaration in this @ts-check file).
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const tooltip = /** @type {HTMLElement} */ (document.getElementById('tooltip'));

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.kind === 'render' && typeof message.html === 'string') {
      root.innerHTML = message.html;
      tooltip.hidden = true;
    }
  });

  /** @param {EventTarget | null} target */
  function opOf(target) {
    return target instanceof Element ? target.closest('g.op') : null;
  }

  /** @param {Element} op @param {number} x @param {number} y */
  function showTip(op, x, y) {
    tooltip.textContent = op.getAttribute('data-tip') || '';
    tooltip.hidden = false;
    const maxX = window.innerWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = `${Math.max(4, Math.min(x + 12, maxX))}px`;
    tooltip.style.top = `${Math.max(4, y + 14)}px`;
  }

  /** @param {Element} op */
  function reveal(op) {
    vscode.postMessage({
      kind: 'reveal',
      line: Number(op.getAttribute('data-line')),
      character: Number(op.getAttribute('data-character')),
    });
  }

  root.addEventListener('mousemove', (event) => {
    const op = opOf(event.target);
    if (op) showTip(op, event.clientX, event.clientY);
    else tooltip.hidden = true;
  });
  root.addEventListener('mouseleave', () => {
    tooltip.hidden = true;
  });
  root.addEventListener('focusin', (event) => {
    const op = opOf(event.target);
    if (op) {
      const box = op.getBoundingClientRect();
      showTip(op, box.left, box.top);
    }
  });
  root.addEventListener('click', (event) => {
    const op = opOf(event.target);
    if (op) reveal(op);
  });
  root.addEventListener('keydown', (event) => {
    const op = opOf(event.target);
    if (op && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      reveal(op);
    } else if (op && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      const next = event.key === 'ArrowRight' ? op.nextElementSibling : op.previousElementSibling;
      if (next instanceof SVGElement && next.classList.contains('op')) next.focus();
    }
  });
  root.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.id === 'fn-picker') {
      vscode.postMessage({ kind: 'select', functionName: target.value });
    }
  });

  vscode.postMessage({ kind: 'ready' });
})();

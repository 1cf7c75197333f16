/**
 * The panel's side of the clickjacking defence: installs the cover guard and tells the clinician why a click did
 * nothing. The notice is plain DOM beside the Preact tree, so it works from the panel's first moment.
 */
import { guardAgainstCover, type CoverGuard } from './cover-guard';
import { t } from './i18n';

/** `open`: whether the panel starts open (the guard watches only while it is; `CoverGuard.watch`). */
export function protectPanelFromCover(document: Document, open: boolean): CoverGuard {
  let notice: HTMLElement | undefined;
  return guardAgainstCover(
    document,
    {
      onIgnored() {
        if (notice !== undefined) return;
        notice = document.createElement('p');
        notice.className = 'cover-notice';
        notice.setAttribute('role', 'alert');
        notice.textContent = t('panelCoveredClickIgnored');
        notice.style.cssText =
          'position:fixed;left:4px;right:4px;top:4px;margin:0;padding:8px;z-index:1;border:2px solid var(--danger);' +
          'border-radius:6px;background:var(--bg);color:var(--text);font:inherit;pointer-events:none';
        document.body.append(notice);
      },
      onUncovered() {
        notice?.remove();
        notice = undefined;
      },
    },
    { watching: open },
  );
}

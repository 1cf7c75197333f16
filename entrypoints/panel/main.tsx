import { render } from 'preact';
import '../../components/theme.css';
import { PanelFirstScreen } from '../../components/PanelFirstScreen';
import { afterNextPaint } from '../../utils/after-paint';
import { protectPanelFromCover } from '../../utils/cover-notice';
import { t, uiLanguage } from '../../utils/i18n';
import { OPENS_EXPANDED_PARAM } from '../../utils/panel-layout';

const root = document.getElementById('app');
if (root !== null) {
  document.documentElement.lang = uiLanguage();
  document.title = t('panelFrameTitle');
  // The content script sized the frame from the clinician's last choice and says so in the address. Open, there is no
  // handle to show first: the rest of the panel loads at once, behind a plain heading.
  const expanded = new URLSearchParams(location.search).get(OPENS_EXPANDED_PARAM) === '1';
  // Clicks that pass through something the call page lays over the open panel are refused (clickjacking).
  const coverGuard = protectPanelFromCover(document, expanded);
  // The handle is drawn from this small first chunk; the rest of the panel (Preact views, idb, zod) loads after it.
  let openRequested = false;
  render(<PanelFirstScreen expanded={expanded} onOpen={() => (openRequested = true)} />, root);
  // Collapsed, loaded once the handle has been painted: evaluating the rest first would hold that paint back.
  (expanded ? Promise.resolve() : afterNextPaint(document))
    .then(() => Promise.all([import('./App'), import('../../utils/panel-link'), import('../../utils/update-deferral')]))
    .then(([{ App }, { rememberFrameTitle }, { holdUpdatesWhileOpen }]) => {
      // An update of Attune waits while this panel is open (it would take the panel away mid-call).
      holdUpdatesWhileOpen();
      const handleHadFocus = document.activeElement?.classList.contains('handle') === true;
      render(
        <App search={location.search} openOnStart={openRequested} startExpanded={expanded} onOpenChange={coverGuard.watch} />,
        root,
      );
      // A clinician who had already tabbed to the handle keeps it focused in the full panel.
      if (handleHadFocus) root.querySelector<HTMLButtonElement>('button.handle')?.focus();
      // Storage trouble here costs only the next call page a slower title lookup; the panel itself is unaffected.
      void rememberFrameTitle(document.title).catch(() => undefined);
    })
    .catch((error: unknown) => {
      render(<p role="alert">{t('genericError', error instanceof Error ? error.message : String(error))}</p>, root);
    });
}

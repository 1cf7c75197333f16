import { render } from 'preact';
import '../../components/theme.css';
import { t, uiLanguage } from '../../utils/i18n';
import { rememberFrameTitle } from '../../utils/panel-link';
import { App } from './App';

const root = document.getElementById('app');
if (root !== null) {
  document.documentElement.lang = uiLanguage();
  document.title = t('panelFrameTitle');
  render(<App search={location.search} />, root);
  // Storage trouble here costs only the next call page a slower title lookup; the panel itself is unaffected.
  void rememberFrameTitle(document.title).catch(() => undefined);
}

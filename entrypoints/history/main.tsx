import { render } from 'preact';
import '../../components/theme.css';
import { t, uiLanguage } from '../../utils/i18n';
import { App } from './App';

const root = document.getElementById('app');
if (root !== null) {
  document.documentElement.lang = uiLanguage();
  document.title = t('historyPageTitle');
  render(<App />, root);
}

import { CustomHostsEditor } from '../../components/CustomHostsEditor';
import { useCustomHosts } from '../../components/hooks/useCustomHosts';
import { t } from '../../utils/i18n';

export function App() {
  const customHosts = useCustomHosts();
  return (
    <main class="options stack">
      <h1>{t('optionsHeading')}</h1>
      <CustomHostsEditor {...customHosts} />
    </main>
  );
}

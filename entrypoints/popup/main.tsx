import './ask-early';
import { i18n } from '#i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/Popup';
import '../../components/popup.css';
import { PopupFailed } from './popup-failed';

// The messages' own language and direction: the fallback locale's when the browser's has no translation.
document.documentElement.lang = i18n.t('lang');
document.documentElement.dir = i18n.t('dir');
document.title = i18n.t('extName');

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PopupFailed>
        <Popup search={location.search} />
      </PopupFailed>
    </StrictMode>,
  );
}

import './ask-early';
import { renderPopup } from '../../components/render-popup';
import '../../components/popup.css';

renderPopup(document, location.search);

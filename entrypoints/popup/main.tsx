import { render } from 'preact';
import '../../components/context-card.css';
import { applyInterfaceLanguage } from '../../components/page-language';
import '../../components/tokens.css';
import './popup.css';
import { Popup } from './Popup';

applyInterfaceLanguage('extName');
const root = document.getElementById('app');
if (root) render(<Popup />, root);

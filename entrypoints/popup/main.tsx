import { render } from 'preact';
import '../../components/context-card.css';
import '../../components/tokens.css';
import './popup.css';
import { Popup } from './Popup';

const root = document.getElementById('app');
if (root) render(<Popup />, root);

import { render } from 'preact';
import { applyInterfaceLanguage } from '../../components/page-language';
import '../../components/tokens.css';
import './options.css';
import { Options } from './Options';

applyInterfaceLanguage('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options />, root);

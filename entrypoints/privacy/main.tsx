import { render } from 'preact';
import { applyInterfaceLanguage } from '../../components/page-language';
import policy from '../../PRIVACY.md?raw';
import { PrivacyPage } from './PrivacyPage';
import { parsePolicy } from './policy-blocks';
import '../../components/tokens.css';
import './privacy.css';

applyInterfaceLanguage('privacyPageTitle');
const root = document.getElementById('app');
if (root) render(<PrivacyPage blocks={parsePolicy(policy)} />, root);

import { render } from 'preact';
import { askBackground } from '../../common/messaging';
import { applyInterfaceLanguage } from '../../components/page-language';
import { type ReaderLoaders, ReaderPage } from './ReaderPage';
import '../../components/tokens.css';
import './reader.css';

const loaders: ReaderLoaders = {
  card: (id) => askBackground({ type: 'card', id }),
  source: (id) => askBackground({ type: 'source', id }),
};

applyInterfaceLanguage('readerTitle');
const root = document.getElementById('app');
if (root) render(<ReaderPage search={location.search} loaders={loaders} />, root);

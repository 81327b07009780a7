import { render } from 'preact';

function Popup() {
  return <h1>Firewall Lens</h1>;
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);

import { render } from 'preact';
render(<p>plantar</p>, document.getElementById('app')!);

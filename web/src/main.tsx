// Starts the web app and its service worker (so it opens offline after one visit).
import { render } from 'preact';
import { App } from './app';
import './style.css';

render(<App />, document.getElementById('app')!);

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('/sw.js').catch(() => { /* plain http on a LAN address: no offline mode */ });
}

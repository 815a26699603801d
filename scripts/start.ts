import { spawn } from 'node:child_process';
import webConfig from '../vite.web.config';
import { chooseLaunch, installedRuntimeFiles, webInsteadMessage } from './desktop-runtime';

/**
 * `npm start`: the desktop app when its runtime is installed, otherwise the web edition, as
 * `npm run web` serves it, so one command always opens the app.
 */
const launch = chooseLaunch(installedRuntimeFiles());
let command = 'electron-vite preview';
if (launch.edition === 'web') {
  const { host, port } = webConfig.preview ?? {};
  console.log(webInsteadMessage(`http://${String(host)}:${port}`));
  command = 'npm run web';
}
// Through the shell, as npm runs its scripts: node_modules/.bin is on the PATH npm gives us.
const child = spawn(command, { shell: true, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

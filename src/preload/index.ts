import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './bridge';

contextBridge.exposeInMainWorld('xsellBridge', createPreloadBridge(ipcRenderer));

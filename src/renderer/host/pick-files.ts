/** The page's own file picker: works in a browser and in Electron's renderer alike. Empty when cancelled. */
export function pickFiles(accept: string, multiple = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

export const DATA_FILE_TYPES = '.csv,.txt,.tsv,.xlsx';
export const PLAN_FILE_TYPES = '.json,application/json';

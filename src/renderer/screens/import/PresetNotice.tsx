import type { MappingPreset } from '../../../core/import/presets';

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** Says the mapping comes from the choices saved for this header, with a way back to the suggestion. */
export function PresetNotice({ preset, onUseSuggested }: { preset: MappingPreset; onUseSuggested: () => void }) {
  return (
    <p className="preset-notice" data-testid="import-preset">
      Using the column choices you saved for files with these columns on {formatDate(preset.lastUsedAt)}.{' '}
      <button type="button" className="link" onClick={onUseSuggested}>
        Use the suggested mapping instead
      </button>
    </p>
  );
}

import { useEffect, useState } from 'react';
import type { Branding } from '../../../../core/export/branding';
import { Modal } from '../../../components/Modal';
import { usePlanExports } from '../../../state/store-context';

const LOGO_TYPES = 'image/png,image/svg+xml';

/** The agency's name, logo and colour for the cover of every exported plan of this workspace. */
export function BrandingDialog({ onClose }: { onClose: () => void }) {
  const { loadBranding, saveBranding } = usePlanExports((s) => s);
  const [branding, setBranding] = useState<Branding | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void loadBranding().then(setBranding);
  }, [loadBranding]);

  const readLogo = (file: File | undefined) => {
    if (!file || !branding) return;
    const reader = new FileReader();
    reader.onload = () => setBranding({ ...branding, logo: String(reader.result) });
    reader.onerror = () => setProblem('The logo could not be read.');
    reader.readAsDataURL(file);
  };

  return (
    <Modal open title="Agency branding" onClose={onClose}>
      {!branding ? (
        <p className="muted">Loading…</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void saveBranding(branding).then((error) => (error ? setProblem(error) : onClose()));
          }}
        >
          <label className="field wide">
            <span>Agency name</span>
            <input
              value={branding.agencyName}
              onChange={(e) => setBranding({ ...branding, agencyName: e.target.value })}
              autoFocus
            />
          </label>
          <label className="field">
            <span>Primary colour</span>
            <input
              type="color"
              value={branding.primaryColor}
              onChange={(e) => setBranding({ ...branding, primaryColor: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Logo (PNG or SVG, small)</span>
            <input type="file" accept={LOGO_TYPES} onChange={(e) => readLogo(e.target.files?.[0])} />
          </label>
          {branding.logo && (
            <p>
              <img src={branding.logo} alt="The logo as it will be printed" className="logo-preview" />{' '}
              <button type="button" className="link" onClick={() => setBranding({ ...branding, logo: null })}>
                Remove the logo
              </button>
            </p>
          )}
          {problem && (
            <p role="alert" className="problem">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

// Layer boundaries, enforced: each folder of src may import only the layers beneath it.
//   core  <-  shared  <-  engine, node  <-  cli, main, preload, renderer
// core is platform-free and imports nothing of ours outside itself; shared holds only contracts;
// main and preload stay thin; the renderer reaches the engine only through RPC, never by import.
import tseslint from 'typescript-eslint';

const LAYERS = ['core', 'shared', 'engine', 'node', 'cli', 'main', 'preload', 'renderer'];

/** A rule that refuses relative imports reaching into the named top-level folders of src. */
function mayNotImport(layers, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layers.map((layer) => ({
            regex: `^(\\.\\./)+${layer}/`,
            message: `This layer may not import from src/${layer}: see docs/architecture.md, "Who may import whom".`,
          })),
          ...extra,
        ],
      },
    ],
  };
}

const others = (...allowed) => LAYERS.filter((layer) => !allowed.includes(layer));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  { files: ['src/core/**'], rules: mayNotImport(others('core')) },
  { files: ['src/shared/**'], rules: mayNotImport(others('core', 'shared')) },
  { files: ['src/engine/**'], rules: mayNotImport(others('core', 'shared', 'engine')) },
  { files: ['src/node/**'], rules: mayNotImport(others('core', 'shared', 'node')) },
  { files: ['src/cli/**'], rules: mayNotImport(others('core', 'shared', 'engine', 'node', 'cli')) },
  {
    files: ['src/main/**'],
    rules: mayNotImport(others('shared', 'node', 'main', 'core'), [
      { regex: '^(\\.\\./)+core/(?!util/)', message: 'Main stays thin: of core it may use only core/util.' },
    ]),
  },
  { files: ['src/preload/**'], rules: mayNotImport(others('shared', 'preload')) },
  { files: ['src/renderer/**'], rules: mayNotImport(others('core', 'shared', 'renderer')) },
);

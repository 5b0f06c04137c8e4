import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    sqlite: 'src/sqlite/index.ts',
    redis: 'src/redis/index.ts',
  }),
);

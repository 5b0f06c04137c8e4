import { WmsSimulator } from './WmsSimulator.ts';

// A standalone WMS simulator: `node src/wms/main.ts` then point WMS_URL at it.
const wms = await new WmsSimulator().start(Number(process.env['WMS_PORT'] ?? 3100));
console.log(`WMS simulator on ${wms.url}`);

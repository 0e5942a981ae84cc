import { lazyModule } from './lazy-module';

/** exceljs, loaded at the first XLSX export (the ledger's and the statistics'), shared by both. */
export const exceljs = lazyModule('exceljs', () => import('exceljs'));

import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
  it('fails where it is declared (at start-up) when the package is missing, not at first use', () => {
    expect(() => lazyModule('no-such-package-for-lazy-module', () => Promise.resolve({}))).toThrow(/no-such-package-for-lazy-module/);
  });

  it('loads at the first call, once', async () => {
    const load = jest.fn(() => Promise.resolve({ loaded: true }));
    const get = lazyModule('exceljs', load);
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

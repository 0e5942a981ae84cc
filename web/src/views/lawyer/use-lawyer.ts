import { computed, ref } from 'vue';
import { ApiError } from '../../api/client';
import { type ConsoleClock, consoleClock } from '../../api/me';
import { useSessionStore } from '../../stores/session';

/**
 * What every lawyer screen starts from: whose lawyer id the account acts as (an account not
 * linked to a lawyer — an admin looking around — gets a notice, not broken calls), the
 * server's clock, and the load state with the error in Chinese.
 */
export function useLawyerPage(load: (lawyerId: string, clock: ConsoleClock) => Promise<void>) {
  const session = useSessionStore();
  const lawyerId = computed(() => session.user?.lawyerId ?? null);
  const clock = ref<ConsoleClock | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function reload(): Promise<void> {
    if (!lawyerId.value) return;
    loading.value = true;
    error.value = null;
    try {
      clock.value = await consoleClock();
      await load(lawyerId.value, clock.value);
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : '加载失败，请刷新重试';
    } finally {
      loading.value = false;
    }
  }

  return { lawyerId, clock, loading, error, reload };
}

/** The Chinese message of a failed call, for an inline alert. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : '操作失败，请重试';
}

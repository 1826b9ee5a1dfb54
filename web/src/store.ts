// What the app remembers on this device (localStorage): the last safety
// answers and the last routine request. Nothing leaves the device.
import type { ConditionReport, PlanRequest } from './api';

export interface SavedCheck { conditions: ConditionReport[]; at: number }

/// The value stored under `plantar.KEY`, or null (none, unreadable, or storage blocked).
export function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem('plantar.' + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/// Stores `value` under `plantar.KEY`; null removes it.
export function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem('plantar.' + key);
    else localStorage.setItem('plantar.' + key, JSON.stringify(value));
  } catch { /* private mode */ }
}

export const lastCheck = () => read<SavedCheck>('check');
export const saveCheck = (conditions: ConditionReport[]) => write('check', { conditions, at: Date.now() });
export const lastPlan = () => read<PlanRequest>('plan');
export const savePlan = (request: PlanRequest) => write('plan', request);

export const bedtime = (conditions: ConditionReport[]): PlanRequest => ({
  goals: ['sleep'], minutes: 5, feet: 'both', giver: 'self', tools: [], conditions,
});

/// True when the saved check is from today.
export function checkedToday(saved: SavedCheck | null, now = Date.now()): boolean {
  return !!saved && new Date(saved.at).toDateString() === new Date(now).toDateString();
}

import { configuredAppUrl } from '@/lib/app-url';

/** A task's page as an absolute URL (links in notifications and chat replies). */
export function taskUrl(projectId: string, taskId: string): string {
  return `${configuredAppUrl() ?? 'http://localhost:3000'}/projects/${projectId}/tasks/${taskId}`;
}

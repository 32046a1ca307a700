import { redirect } from 'next/navigation';
import { type IntegrationPageParams, loadPageIntegration } from '../_components/load-page-integration';

// GET /integrations/project/:projectId/:integrationId/ — owners land on configure, members on logs.
export default async function IntegrationIndex({ params }: { params: IntegrationPageParams }) {
  const { access, base } = await loadPageIntegration(params, 'member', '');
  redirect(`${base}${access.role === 'owner' ? 'configure' : 'logs'}/`);
}

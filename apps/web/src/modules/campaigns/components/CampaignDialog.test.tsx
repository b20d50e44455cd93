import { screen, waitFor } from '@testing-library/react';
import { graphQLError, renderApp } from '../../../../test/render';
import { setOrgTimeZone } from '../../../ui/datetime';
import { CAMPAIGN_OPTIONS_QUERY, UPDATE_CAMPAIGN_MUTATION } from '../graphql/campaigns';
import { CampaignDialog } from './CampaignDialog';

const options = {
  request: { query: CAMPAIGN_OPTIONS_QUERY },
  result: {
    data: {
      distributionLists: [
        { __typename: 'DistributionList' as const, id: 'l-news', name: 'Newsletter', channel: 'EMAIL', clientCount: 3 },
        { __typename: 'DistributionList' as const, id: 'l-vip', name: 'VIP', channel: 'EMAIL', clientCount: 1 },
        { __typename: 'DistributionList' as const, id: 'l-post', name: 'Christmas cards', channel: 'POSTAL', clientCount: 5 },
      ],
      campaignTemplates: [
        { __typename: 'EmailTemplate' as const, id: 't-news', name: 'News', pipelineName: 'Sales' },
        { __typename: 'EmailTemplate' as const, id: 't-offer', name: 'Offer', pipelineName: 'Sales' },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const draft = { id: 'c1', name: 'November news', listId: 'l-news', templateId: 't-news', fromName: 'Mária', fromAddress: 'maria@crm.example', scheduledAt: '2026-12-02T08:00:00.000Z' };

describe('Campaigns › editing a draft', () => {
  beforeAll(() => setOrgTimeZone('Europe/Budapest'));

  it('opens with the draft’s settings (the time in the organisation’s zone) and saves the changes', async () => {
    let sent: any = null;
    const onSaved = jest.fn();
    const { user } = renderApp(
      '/',
      [
        options,
        {
          request: { query: UPDATE_CAMPAIGN_MUTATION, variables: () => true },
          result: (variables: any) => {
            sent = variables;
            return { data: { updateCampaign: null } };
          },
        },
      ],
      <CampaignDialog campaign={draft} onClose={() => undefined} onSaved={onSaved} />,
    );
    expect(await screen.findByRole('dialog', { name: 'Campaign settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('November news');
    await screen.findByRole('option', { name: 'VIP' });
    expect(screen.getByLabelText('Distribution list')).toHaveValue('l-news');
    expect(screen.getByLabelText('Sender address')).toHaveValue('maria@crm.example');
    expect(screen.getByLabelText('Date and time (Europe/Budapest)')).toHaveValue('2026-12-02T09:00');
    await user.selectOptions(screen.getByLabelText('Distribution list'), 'VIP');
    await user.selectOptions(screen.getByLabelText('Template'), 'Offer (Sales)');
    await user.click(screen.getByRole('radio', { name: 'As soon as I send it' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toEqual({ id: 'c1', input: { name: 'November news', listId: 'l-vip', templateId: 't-offer', fromName: 'Mária', fromAddress: 'maria@crm.example', sendAt: null } });
  });

  it('says so when the campaign was sent meanwhile', async () => {
    const onSaved = jest.fn();
    const { user } = renderApp(
      '/',
      [options, { request: { query: UPDATE_CAMPAIGN_MUTATION, variables: () => true }, result: { errors: [graphQLError('Only a campaign not sent yet can be changed.', { code: 'BAD_USER_INPUT', reason: 'CAMPAIGN_NOT_DRAFT' })] } }],
      <CampaignDialog campaign={draft} onClose={() => undefined} onSaved={onSaved} />,
    );
    await screen.findByRole('option', { name: 'VIP' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This campaign was sent already.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});

import { Text } from '@mantine/core';
import { SendFields, UpdateCustomerFields, WebhookFields } from './ActionFields';
import type { Definition, JourneyNode } from './definition';
import { BranchFields, RandomSplitFields } from './FlowFields';
import { DelayFields, WaitForEventFields, WaitUntilFields } from './WaitFields';

/** The settings fields of a node, by its type. */
export function NodeSettings({
  node,
  definition,
  readOnly,
  onChange,
}: {
  node: JourneyNode;
  definition: Definition;
  readOnly: boolean;
  onChange: (node: JourneyNode) => void;
}) {
  switch (node.type) {
    case 'delay':
      return <DelayFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'wait_until':
      return <WaitUntilFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'wait_for_event':
      return <WaitForEventFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'branch': {
      const sendNodes = definition.nodes.filter((n) => n.type === 'send').map((n) => n.id);
      return <BranchFields node={node} readOnly={readOnly} onChange={onChange} sendNodes={sendNodes} />;
    }
    case 'random_split':
      return <RandomSplitFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'send':
      return <SendFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'webhook':
      return <WebhookFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'update_customer':
      return <UpdateCustomerFields node={node} readOnly={readOnly} onChange={onChange} />;
    case 'exit':
      return <Text size="sm">Ends the run here (exited).</Text>;
  }
}

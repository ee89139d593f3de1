import type { JourneyNode, NodeType } from './definition';

/** The node of one type. */
export type NodeOf<T extends NodeType> = Extract<JourneyNode, { type: T }>;

/** Props of a node type's settings fields: the node, who may edit, and where the edited node goes. */
export interface FieldsProps<T extends NodeType> {
  node: NodeOf<T>;
  readOnly: boolean;
  onChange: (node: NodeOf<T>) => void;
}

/** An optional text setting: the empty string means "not set". */
export const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

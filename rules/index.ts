/**
 * The rule language's public surface, for the segments domain and activities: parse and
 * validate client rules into the AST, write them back in either client format, evaluate them for
 * one customer (json-rules-engine) or compile them for a whole audience (SQL), and describe the
 * segmentable fields.
 */
export type { ConditionNode, EventCount, EventNode, FieldType, GroupNode, NotNode, Operator, PropertyNode, PropertyType, RuleNode, RuleValue } from './ast';
export { OPERATORS } from './ast';
export {
  type CustomerRow,
  type FieldDefinition,
  type FieldDescription,
  CUSTOM_FIELD_KEY,
  FIELDS,
  OPERATORS_BY_TYPE,
  describeFields,
  eventConditionsOf,
  fieldByName,
  fieldsOf,
} from './catalogue';
export { type CompileOptions, type CompiledRule, compileRuleToSql, eventFilterSql } from './compile';
export { type MatchContext, type RuleEvaluator, type RuleEvaluatorOptions, createRuleEvaluator } from './evaluate';
export { type EventConditionDescription, describeEventCondition, eventConditionKey, eventWindow } from './events';
export { type EngineCondition, type EngineLeaf, type EngineNode, type SeedGroup, type SeedRule, toJsonRulesEngine, toSeedFormat } from './format';
export { type ParseOptions, parsePropertyConditions, parseRules } from './parse';
export { DAY_MS, MAX_CONDITIONS, MAX_DAYS, MAX_DEPTH, MAX_LIST, MAX_STRING } from './semantics';
export { type RuleIssue, RuleValidationError } from './validate';

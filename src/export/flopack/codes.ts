/**
 * Error codes of flopack reading. Each message says what is wrong and how to fix it.
 *
 * | code | meaning |
 * |---|---|
 * | FLOPACK_E001 | not JSON |
 * | FLOPACK_E002 | not a flopack (`type` is not "flopack", or not an object) |
 * | FLOPACK_E003 | a required section is missing (`data`, `data.flos`) |
 * | FLOPACK_E004 | a field has the wrong type or is missing |
 * | FLOPACK_E005 | a map key differs from the id inside its entry |
 * | FLOPACK_E010 | an ordering or branch names a card that is not in its flow |
 * | FLOPACK_E011 | a mapping (pin) targets a card that is not in its flow |
 * | FLOPACK_E012 | a mapping names an output or input the card does not have |
 * | FLOPACK_E013 | a forbidden key (`__proto__`, `constructor`, `prototype`) |
 * | FLOPACK_E014 | the file is larger than the limit |
 * | FLOPACK_E015 | the JSON nests deeper than the limit |
 * | FLOPACK_E016 | two cards of one flow share a uuid |
 * | FLOPACK_E017 | a flow (or inline flow) has no event card, or more than one |
 * | FLOPACK_E018 | a flow reference names a flow that is not in the file |
 * | FLOPACK_E019 | a card uses a connection that is not in the file |
 * | FLOPACK_E020 | a Tables card names a table that is not in the file |
 * | FLOPACK_E021 | a flow or folder names a folder that is not in the file |
 * | FLOPACK_E022 | folders do not form a tree (a folder is its own parent or ancestor) |
 */
export const E = {
  notJson: 'FLOPACK_E001',
  notFlopack: 'FLOPACK_E002',
  missingSection: 'FLOPACK_E003',
  badField: 'FLOPACK_E004',
  keyMismatch: 'FLOPACK_E005',
  foreignCard: 'FLOPACK_E010',
  pinTarget: 'FLOPACK_E011',
  pinField: 'FLOPACK_E012',
  forbiddenKey: 'FLOPACK_E013',
  tooLarge: 'FLOPACK_E014',
  tooDeep: 'FLOPACK_E015',
  duplicateCard: 'FLOPACK_E016',
  eventCard: 'FLOPACK_E017',
  flowRef: 'FLOPACK_E018',
  configRef: 'FLOPACK_E019',
  tableRef: 'FLOPACK_E020',
  folderRef: 'FLOPACK_E021',
  folderCycle: 'FLOPACK_E022',
} as const;

import { defineCodes } from './define.js';

export const analysisCodes = defineCodes({
  unknownIdentifier: { code: 'PP2001', severity: 'error', title: 'unknown identifier' },
  unknownFunction: { code: 'PP2002', severity: 'error', title: 'unknown function' },
  argumentCount: { code: 'PP2003', severity: 'error', title: 'wrong number of arguments' },
  unknownArgument: { code: 'PP2004', severity: 'error', title: 'unknown named argument' },
  argumentType: { code: 'PP2005', severity: 'error', title: 'argument of the wrong type' },
  qualifier: { code: 'PP2006', severity: 'error', title: 'qualifier violation' },
  assignBeforeDeclare: { code: 'PP2007', severity: 'error', title: 'assignment to an undeclared variable' },
  redeclared: { code: 'PP2008', severity: 'error', title: 'variable declared twice in one scope' },
  libraryUnavailable: { code: 'PP2009', severity: 'error', title: 'imported library not available' },
  versionAdvice: { code: 'PP2010', severity: 'info', title: 'version-specific advice' },
  unsupported: { code: 'PP2011', severity: 'error', title: 'unsupported feature' },
  unknownMember: { code: 'PP2012', severity: 'error', title: 'unknown field or method' },
  noDeclaration: { code: 'PP2013', severity: 'error', title: 'no strategy(), indicator() or library() call' },
  assignmentType: { code: 'PP2014', severity: 'error', title: 'assigned value of the wrong type' },
  oldVersion: { code: 'PP2015', severity: 'warning', title: 'Pine v1-v3 read with v4 rules' },
  notConstant: { code: 'PP2016', severity: 'warning', title: 'setting is not a literal' },
  duplicateArgument: { code: 'PP2017', severity: 'error', title: 'argument given twice' },
  recursion: { code: 'PP2018', severity: 'error', title: 'recursive function' },
});

export { EntityPicker, SingleEntityPicker } from './EntityPicker';
export type { EntityPickerProps } from './EntityPicker';
export {
  compareEntityOptions,
  optionFor,
  toEntityOption,
  useEntityOptions,
} from './useEntityOptions';
export type { EntityOption } from './useEntityOptions';

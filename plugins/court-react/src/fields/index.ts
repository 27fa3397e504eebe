export { ChoiceField } from './ChoiceField';

import { TRAINING_KINDS } from '@outcomes/contracts';

export const trainingKindChoices = TRAINING_KINDS.map((kind) => ({ id: kind, name: `app.trainings.kinds.${kind}` }));

import { Card, Todo } from './card.entity';
import { Client, Contact } from './client.entity';
import { Pipeline, Status } from './pipeline.entity';
import { Session } from './session.entity';
import { User } from './user.entity';

export { Card, Client, Contact, Pipeline, Session, Status, Todo, User };

export const ENTITIES = [User, Session, Pipeline, Status, Client, Contact, Card, Todo];

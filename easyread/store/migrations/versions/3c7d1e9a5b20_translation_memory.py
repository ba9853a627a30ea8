"""translation memory

Revision ID: 3c7d1e9a5b20
Revises: a7c3e1d5b902
Create Date: 2026-12-06 01:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c7d1e9a5b20'
down_revision = 'a7c3e1d5b902'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('translation_memory',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('example_source', sa.Text(), nullable=False),
    sa.Column('example_target', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], ),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('council_id', 'language', 'key_hash', name='uq_translation_memory_key')
    )
    with op.batch_alter_table('translation_memory', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_translation_memory_council_id'), ['council_id'], unique=False)


def downgrade():
    with op.batch_alter_table('translation_memory', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_memory_council_id'))
    op.drop_table('translation_memory')

"""the letter as read at upload (documents.parsed)

Revision ID: 5b8d2f0c7e14
Revises: 3c7d1e9a5b20
Create Date: 2026-12-06 17:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b8d2f0c7e14'
down_revision = '3c7d1e9a5b20'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: letters uploaded before this are read from their original file, as before.
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parsed', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('parsed')

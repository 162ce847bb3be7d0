"""Packs own their categories (name, order, colour); entries gain a category, a star, a checked
state and may have quantity 0; the same item may sit in a pack twice; items gain image_url.

Revision ID: 0006_pack_categories
Revises: 0005_refresh_reuse_grace
Create Date: 2026-12-03 17:00:00

Existing packs get one category per item category, in the order the categories first appear
in the pack, coloured from the default palette in that order; entries keep their order and are
renumbered 0..n-1 grouped by category.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_pack_categories'
down_revision = '0005_refresh_reuse_grace'
branch_labels = None
depends_on = None

# A frozen copy of pmp.gear.categories.PALETTE as of this revision (Tableau 10).
PALETTE = ('#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
           '#ff9da7', '#9c755f', '#bab0ac')


def upgrade():
    op.create_table(
        'pack_categories',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('pack_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('color', sa.String(length=7), nullable=False),
        sa.CheckConstraint('position >= 0', name=op.f('ck_pack_categories_position_non_negative')),
        sa.ForeignKeyConstraint(['pack_id'], ['packs.id'], name=op.f('fk_pack_categories_pack_id_packs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pack_categories')),
        sa.UniqueConstraint('pack_id', 'name', name='uq_pack_categories_pack_id_name'),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('pack_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pack_categories_pack_id'), ['pack_id'], unique=False)

    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('image_url', sa.String(length=2000), nullable=False,
                                      server_default=''))

    with op.batch_alter_table('pack_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('star', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('checked', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))

    _categories_from_items()

    with op.batch_alter_table('pack_entries', schema=None, recreate='always',
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.alter_column('category_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(batch_op.f('fk_pack_entries_category_id_pack_categories'),
                                    'pack_categories', ['category_id'], ['id'],
                                    ondelete='CASCADE')
        batch_op.create_index(batch_op.f('ix_pack_entries_category_id'), ['category_id'],
                              unique=False)
        batch_op.create_index('ix_pack_entries_pack_id_position', ['pack_id', 'position'],
                              unique=False)
        batch_op.drop_constraint(op.f('uq_pack_entries_pack_id_item_id'), type_='unique')
        batch_op.drop_constraint(op.f('ck_pack_entries_quantity_positive'), type_='check')
        batch_op.create_check_constraint('quantity_non_negative', 'quantity >= 0')
        batch_op.create_check_constraint('star_range', 'star >= 0 AND star <= 3')


def _categories_from_items():
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        'SELECT e.id, e.pack_id, i.category FROM pack_entries e '
        'JOIN items i ON i.id = e.item_id ORDER BY e.pack_id, e.position, e.id'
    )).all()
    packs = {}
    for entry_id, pack_id, category in rows:
        packs.setdefault(pack_id, {}).setdefault(category, []).append(entry_id)
    categories = sa.table('pack_categories', sa.column('pack_id', sa.Integer),
                          sa.column('name', sa.String), sa.column('position', sa.Integer),
                          sa.column('color', sa.String))
    for pack_id, by_category in packs.items():
        bind.execute(categories.insert(), [
            {'pack_id': pack_id, 'name': name, 'position': index,
             'color': PALETTE[index % len(PALETTE)]}
            for index, name in enumerate(by_category)
        ])
        ids = dict(bind.execute(sa.text(
            'SELECT name, id FROM pack_categories WHERE pack_id = :pack_id'),
            {'pack_id': pack_id}).all())
        updates, position = [], 0
        for name, entry_ids in by_category.items():
            for entry_id in entry_ids:
                updates.append({'entry_id': entry_id, 'category_id': ids[name],
                                'position': position})
                position += 1
        bind.execute(sa.text('UPDATE pack_entries SET category_id = :category_id, '
                             'position = :position WHERE id = :entry_id'), updates)


def downgrade():
    bind = op.get_bind()
    duplicates = bind.execute(sa.text(
        'SELECT count(*) FROM (SELECT pack_id, item_id FROM pack_entries '
        'GROUP BY pack_id, item_id HAVING count(*) > 1) d')).scalar()
    if duplicates:
        # The old schema cannot hold an item twice in one pack: keep the first entry.
        bind.execute(sa.text(
            'DELETE FROM pack_entries WHERE id NOT IN (SELECT min(id) FROM pack_entries '
            'GROUP BY pack_id, item_id)'))
    bind.execute(sa.text('DELETE FROM pack_entries WHERE quantity = 0'))
    with op.batch_alter_table('pack_entries', schema=None, recreate='always',
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_constraint(op.f('ck_pack_entries_star_range'), type_='check')
        batch_op.drop_constraint(op.f('ck_pack_entries_quantity_non_negative'), type_='check')
        batch_op.create_check_constraint('quantity_positive', 'quantity > 0')
        batch_op.create_unique_constraint('uq_pack_entries_pack_id_item_id', ['pack_id', 'item_id'])
        batch_op.drop_index('ix_pack_entries_pack_id_position')
        batch_op.drop_index(batch_op.f('ix_pack_entries_category_id'))
        batch_op.drop_constraint(batch_op.f('fk_pack_entries_category_id_pack_categories'),
                                 type_='foreignkey')
        batch_op.drop_column('checked')
        batch_op.drop_column('star')
        batch_op.drop_column('category_id')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_column('image_url')
    with op.batch_alter_table('pack_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pack_categories_pack_id'))
    op.drop_table('pack_categories')

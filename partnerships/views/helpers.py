"""What the public pages of the partnership database share."""

PER_PAGE = 20

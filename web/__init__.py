def create_app(settings): raise NotImplementedError
